"""Use cases shared by the GUI and the CLI; every permission and workflow rule is enforced here."""
