"""Mixed-annotation medical image segmentation."""
__version__ = "0.0.1"
