"""Bounded memory: a run on 20,000 images peaks no higher than the same run on 2,000 (loaders stream from disk).

Slow (tens of minutes on 2 cores: writing 20,000 images and scoring 8,000), so it runs only with MLDS_REPRO_SLOW=1:
    MLDS_REPRO_SLOW=1 .venv/bin/python -m pytest -q tests/test_memory.py
"""
import os
import pytest
from mlds_repro.train import bench_memory

@pytest.mark.skipif(not os.environ.get('MLDS_REPRO_SLOW'), reason='slow: set MLDS_REPRO_SLOW=1')
def test_memory_is_flat_from_2000_to_20000_images():
    # eager (the compiler's own memory varies by a few hundred MB between a cold and a warm cache); 3 short epochs
    small, large = (bench_memory(n=n, epochs=3, size=64, compile=False) for n in (2000, 20000))
    assert large['peak_rss_mb'] < 1.15 * small['peak_rss_mb'], (small, large)   # before: 1,166 -> 1,725 MB (+48%)
