"""Press-archive builder: a folder of news articles in, an archive website out."""
__version__ = "0.1.0"
