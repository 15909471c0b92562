"""Word files, charts and packs. Heavy libraries are imported inside the functions that need them."""
