// zlib, the system's (zlib1g-dev on Debian and Ubuntu, part of the SDK on macOS): gzip for users-export files.
#include <zlib.h>
