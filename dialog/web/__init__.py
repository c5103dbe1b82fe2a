"""The web faces of dialog: HTML pages, the JSON API and the app factory.

Views parse input, call ``dialog.services`` and render; the request is the commit boundary.
"""
