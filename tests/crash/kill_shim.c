/* An LD_PRELOAD library for the crash tests: counts the calls that change the
 * file system (creating open, write to a file, rename, link, unlink, mkdir,
 * rmdir) and, at the TTHC_CRASH_AT-th, raises TTHC_CRASH_SIGNAL (KILL by
 * default; STOP holds the process there, for the two-writers test) before the
 * call is made. Standard input, output and error are not counted. Written in C:
 * glibc declares these functions noexcept in C++, which a definition cannot match. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static atomic_long calls;

static void count(void)
{
    const char* v = getenv("TTHC_CRASH_AT");
    const long at = v ? atol(v) : 0;
    const long n = atomic_fetch_add(&calls, 1) + 1;
    if (at > 0 && n == at) {
        const char* sig = getenv("TTHC_CRASH_SIGNAL");
        raise(sig && strcmp(sig, "STOP") == 0 ? SIGSTOP : SIGKILL);
    }
}

#define REAL(name, type) static __typeof__(name)* real_##name; if (!real_##name) real_##name = (type)dlsym(RTLD_NEXT, #name)

/* open(2) has a mode argument only with O_CREAT or O_TMPFILE: such an open
 * creates a file, and counts as a step. */
#define TAKE_MODE()                                            \
    mode_t mode = 0;                                           \
    if (flags & (O_CREAT | O_TMPFILE)) {                       \
        va_list ap;                                            \
        va_start(ap, flags);                                   \
        mode = (mode_t)va_arg(ap, int);                        \
        va_end(ap);                                            \
        count();                                               \
    }

#define SHIM_OPEN(name)                                        \
    int name(const char* path, int flags, ...)                 \
    {                                                          \
        TAKE_MODE();                                           \
        REAL(name, int (*)(const char*, int, ...));            \
        return real_##name(path, flags, mode);                 \
    }
SHIM_OPEN(open)
SHIM_OPEN(open64)

#define SHIM_OPENAT(name)                                      \
    int name(int dir, const char* path, int flags, ...)        \
    {                                                          \
        TAKE_MODE();                                           \
        REAL(name, int (*)(int, const char*, int, ...));       \
        return real_##name(dir, path, flags, mode);            \
    }
SHIM_OPENAT(openat)
SHIM_OPENAT(openat64)

ssize_t write(int fd, const void* buf, size_t n)
{
    if (fd > 2) count();
    REAL(write, ssize_t (*)(int, const void*, size_t));
    return real_write(fd, buf, n);
}

int rename(const char* a, const char* b)
{
    count();
    REAL(rename, int (*)(const char*, const char*));
    return real_rename(a, b);
}

int renameat(int da, const char* a, int db, const char* b)
{
    count();
    REAL(renameat, int (*)(int, const char*, int, const char*));
    return real_renameat(da, a, db, b);
}

int renameat2(int da, const char* a, int db, const char* b, unsigned flags)
{
    count();
    REAL(renameat2, int (*)(int, const char*, int, const char*, unsigned));
    return real_renameat2(da, a, db, b, flags);
}

int link(const char* a, const char* b)
{
    count();
    REAL(link, int (*)(const char*, const char*));
    return real_link(a, b);
}

int linkat(int da, const char* a, int db, const char* b, int flags)
{
    count();
    REAL(linkat, int (*)(int, const char*, int, const char*, int));
    return real_linkat(da, a, db, b, flags);
}

int unlink(const char* p)
{
    count();
    REAL(unlink, int (*)(const char*));
    return real_unlink(p);
}

int unlinkat(int d, const char* p, int flags)
{
    count();
    REAL(unlinkat, int (*)(int, const char*, int));
    return real_unlinkat(d, p, flags);
}

int remove(const char* p)
{
    count();
    REAL(remove, int (*)(const char*));
    return real_remove(p);
}

int mkdir(const char* p, mode_t m)
{
    count();
    REAL(mkdir, int (*)(const char*, mode_t));
    return real_mkdir(p, m);
}

int rmdir(const char* p)
{
    count();
    REAL(rmdir, int (*)(const char*));
    return real_rmdir(p);
}
