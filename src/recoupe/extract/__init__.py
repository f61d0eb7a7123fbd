"""recoupe.extract stage."""
