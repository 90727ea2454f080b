"""UK GDPR requests about one person: subject access (export) and erasure, for officers."""
