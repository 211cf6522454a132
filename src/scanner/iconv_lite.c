/* The iconv that zbar's QR text decoder (qrdectxt.c) gets in the wasm scanner module:
   UTF-8 → UTF-8 (validation) and ISO-8859-1 → UTF-8, the two encodings the codes this app
   reads use. Any other encoding (SJIS, BIG-5, ECI charsets) is refused at iconv_open, which
   zbar handles by trying the next one. Emscripten's libc iconv would bring every legacy
   CJK table into a module the phone downloads; natively the system iconv is used. */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>

enum { CD_UTF8 = 1, CD_LATIN1 = 2 };

static int is_name(const char *a, const char *b) {
  for (; *a && *b; a++, b++) {
    char x = *a, y = *b;
    if (x >= 'a' && x <= 'z') x = (char)(x - 32);
    if (y >= 'a' && y <= 'z') y = (char)(y - 32);
    if (x != y) return 0;
  }
  return *a == *b;
}

iconv_t iconv_open(const char *to, const char *from) {
  if (!is_name(to, "UTF-8")) { errno = EINVAL; return (iconv_t)-1; }
  if (is_name(from, "UTF-8")) return (iconv_t)CD_UTF8;
  if (is_name(from, "ISO8859-1") || is_name(from, "ISO-8859-1") || is_name(from, "LATIN1"))
    return (iconv_t)CD_LATIN1;
  errno = EINVAL;
  return (iconv_t)-1;
}

int iconv_close(iconv_t cd) { (void)cd; return 0; }

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 when invalid or cut short. */
static size_t utf8_seq(const unsigned char *s, size_t n) {
  size_t len, i;
  uint32_t cp;
  if (s[0] < 0x80) return 1;
  if (s[0] >= 0xC2 && s[0] <= 0xDF) { len = 2; cp = s[0] & 0x1F; }
  else if (s[0] >= 0xE0 && s[0] <= 0xEF) { len = 3; cp = s[0] & 0x0F; }
  else if (s[0] >= 0xF0 && s[0] <= 0xF4) { len = 4; cp = s[0] & 0x07; }
  else return 0;
  if (n < len) return 0;
  for (i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
    return 0;
  return len;
}

size_t iconv(iconv_t cd, char **in, size_t *inleft, char **out, size_t *outleft) {
  if (!in || !*in) return 0; /* reset: these encodings have no state */
  while (*inleft > 0) {
    const unsigned char *s = (const unsigned char *)*in;
    size_t take, put;
    unsigned char buf[4];
    if ((intptr_t)cd == CD_UTF8) {
      take = put = utf8_seq(s, *inleft);
      if (!take) { errno = EILSEQ; return (size_t)-1; }
      memcpy(buf, s, put);
    } else {
      take = 1;
      if (s[0] < 0x80) { buf[0] = s[0]; put = 1; }
      else { buf[0] = (unsigned char)(0xC0 | (s[0] >> 6)); buf[1] = (unsigned char)(0x80 | (s[0] & 0x3F)); put = 2; }
    }
    if (*outleft < put) { errno = E2BIG; return (size_t)-1; }
    memcpy(*out, buf, put);
    *in += take; *inleft -= take;
    *out += put; *outleft -= put;
  }
  return 0;
}
