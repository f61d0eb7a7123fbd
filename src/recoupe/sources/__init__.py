"""recoupe.sources stage."""
