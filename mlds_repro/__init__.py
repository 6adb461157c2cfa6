"""Mixed-annotation medical image segmentation."""
__version__ = "0.0.1"

import warnings as _w
_w.filterwarnings('ignore', category=FutureWarning, module=r'torch\.jit')  # raised by torch.jit.script while fastai and MONAI import
