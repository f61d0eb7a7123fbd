"""recoupe.store stage."""
