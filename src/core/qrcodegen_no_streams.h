// Force-included into qrcodegen.cpp only (see src/core/CMakeLists.txt); nothing else sees it.
//
// qrcodegen builds one message — "data too long" — with std::ostringstream. That single
// use links libc++'s whole locale and iostream machinery (money_get, time_get, codecvt,
// num_get, the long-double scanf …) into the app: about 70 KB of zygc.wasm. qr.cpp checks
// the length before encoding, so the message is never built; this small string builder
// stands in for the stream so that none of that code is linked.
#pragma once
#include <sstream>  // first, so that qrcodegen's own #include <sstream> adds nothing after the macro
#include <string>

namespace zygc_qr {
struct MessageBuilder {
  std::string text;
  MessageBuilder& operator<<(const char* s) { text += s; return *this; }
  MessageBuilder& operator<<(int v) { text += std::to_string(v); return *this; }
  std::string str() const { return text; }
};
}  // namespace zygc_qr

// qrcodegen writes `std::ostringstream sb;`: the name is looked up in std.
namespace std { using zygc_qr_message_builder = ::zygc_qr::MessageBuilder; }
#define ostringstream zygc_qr_message_builder
