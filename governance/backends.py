from governance.permissions import is_opcc_officer

MODEL_ACTIONS = ("add_", "change_", "delete_", "view_")


class OfficerBackend:
    """Grants OPCC officers every model permission, so they can manage the partnership in
    the admin. Object-level questions are left to each app's rules."""

    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user_obj, perm: str, obj=None) -> bool:
        if obj is not None or not user_obj.is_active:
            return False
        codename = perm.partition(".")[2]
        return codename.startswith(MODEL_ACTIONS) and is_opcc_officer(user_obj)

    def has_module_perms(self, user_obj, app_label: str) -> bool:
        return user_obj.is_active and is_opcc_officer(user_obj)
