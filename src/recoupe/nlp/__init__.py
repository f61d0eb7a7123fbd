"""recoupe.nlp stage."""
