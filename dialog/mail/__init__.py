"""E-mail: a real SMTP server named by ``DIALOG_SMTP_URL``, fed from a transactional outbox.

News is written to ``mail_outbox`` in the same transaction as the news itself; after that
transaction commits, :mod:`dialog.mail.outbox` sends what waits. Nothing here imports Flask.
"""
