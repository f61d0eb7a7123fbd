"""recoupe.link stage."""
