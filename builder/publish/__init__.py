"""Publishing: what runs after MkDocs has built the site (the offline bundle)."""
