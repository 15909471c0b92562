"""Helper programs and builders used by the fault, migration and hostile-input tests."""
