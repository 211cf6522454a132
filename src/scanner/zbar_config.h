/* config.h for the QR-only build of zbar (Debian source package zbar, fetched into
   third_party/zbar by scripts/setup). Replaces the header autoconf would generate:
   only the QR code reader is enabled, no threads, no video, no window, no JPEG. */
#ifndef ZYGC_ZBAR_CONFIG_H
#define ZYGC_ZBAR_CONFIG_H
#define ENABLE_QRCODE 1
#define HAVE_ERRNO_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_SYS_TIME_H 1
#define HAVE_UNISTD_H 1
#define NO_STATS 1
#define ZBAR_VERSION_MAJOR 0
#define ZBAR_VERSION_MINOR 23
#define ZBAR_VERSION_PATCH 92
#define PACKAGE_VERSION "0.23.92"
#endif
