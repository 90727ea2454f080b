"""Writes of people, organisations, bodies and memberships."""

from django.db import transaction

from governance.models import Body, Membership, Organisation, User


@transaction.atomic
def organisation_upsert(*, name: str, kind: str) -> Organisation:
    """Create the organisation of this name, or bring its kind up to date."""
    organisation, _ = Organisation.objects.get_or_create(name=name, defaults={"kind": kind})
    if organisation.kind != kind:
        organisation.kind = kind
        organisation.full_clean()
        organisation.save()
    return organisation


@transaction.atomic
def body_upsert(
    *,
    slug: str,
    name: str,
    level: int,
    parent: Body | None,
    area: str,
    terms_of_reference: str = "",
) -> Body:
    """Create or update the body with this slug, validating its place in the tree."""
    body = Body.objects.filter(slug=slug).first() or Body(slug=slug)
    body.name, body.level, body.parent, body.area = name, level, parent, area
    if terms_of_reference:
        body.terms_of_reference = terms_of_reference
    body.full_clean()
    body.save()
    return body


@transaction.atomic
def person_upsert(
    *,
    username: str,
    password: str,
    first_name: str,
    last_name: str,
    email: str = "",
    organisation: Organisation | None = None,
    job_title: str = "",
) -> User:
    """Create or update a person's account and set their password."""
    user = User.objects.filter(username=username).first() or User(username=username)
    user.first_name, user.last_name, user.email = first_name, last_name, email
    user.organisation, user.job_title, user.is_active = organisation, job_title, True
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def membership_set(
    *, body: Body, user: User, role: str, organisation: Organisation | None = None
) -> Membership:
    """Give the person a seat on the body in this role (one seat per body)."""
    membership, _ = Membership.objects.update_or_create(
        body=body, user=user, defaults={"role": role, "organisation": organisation}
    )
    membership.full_clean()
    return membership
