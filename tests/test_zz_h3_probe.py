import sys
def test_z_refcount_none():
    print("\nREFCOUNTS None/False/True", sys.getrefcount(None), sys.getrefcount(False), sys.getrefcount(True))
