from django.db import models

from hvhk.referrals import crypto


class EncryptedTextField(models.TextField):
    """Text stored encrypted (see crypto); Python code sees plain text. It cannot be searched or ordered by."""

    def from_db_value(self, value, expression, connection):
        return crypto.decrypt(value) if value is not None else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return crypto.encrypt(value) if value is not None else value
