# Hangs in q6's cell and swallows the interrupt, so the kernel must be replaced.
import time

while True:
    try:
        time.sleep(0.01)
    except KeyboardInterrupt:
        pass
