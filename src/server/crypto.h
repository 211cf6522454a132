// Small wrappers over OpenSSL libcrypto: SHA-256, HMAC-SHA256, AES-256-GCM, randomness.
// Byte strings are std::string; nothing here throws.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace zygc::server {

std::string random_bytes(size_t n);  // CSPRNG; aborts the process if it cannot deliver
std::string sha256(std::string_view data);                          // 32 bytes
std::string hmac_sha256(std::string_view key, std::string_view data);  // 32 bytes
// nonce (12 random bytes) || ciphertext || tag (16 bytes)
std::string aes256gcm_seal(std::string_view key32, std::string_view plain, std::string_view aad);
std::optional<std::string> aes256gcm_open(std::string_view key32, std::string_view sealed,
                                          std::string_view aad);

std::string to_hex(std::string_view bytes);
std::optional<std::string> from_hex(std::string_view hex);

// Constant-time equality of two byte strings of the same length.
bool equal_ct(std::string_view a, std::string_view b);

}  // namespace zygc::server
