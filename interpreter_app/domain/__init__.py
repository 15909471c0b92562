"""Pure rules and data of policy interpretation packages. Imports no Qt and no SQL."""
