"""Publishing: the feeds beside the pages, and the offline bundle of the website."""
