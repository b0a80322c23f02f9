// The reference argon2 implementation as Debian packages it (libargon2-dev).
#include <argon2.h>
