// A pull reader over JSON text: the codecs read list pages straight from the bytes into the
// model's structs with it (core/codec_stream.cpp), without building nlohmann's tree first
// (issue 11: the tree and the copy out of it made a page's decode ~7× JSON.parse).
//
// It accepts exactly the JSON that nlohmann::json::parse accepts (RFC 8259: UTF-8 checked
// byte by byte, \u escapes with surrogate pairs, no comments, nothing after the value), and
// numbers read as nlohmann reads them (integers exact, others through strtod). It only has to
// be right when it says yes: any problem — bad syntax, a wrong type, a number it does not
// read exactly, nesting past json_guard's limit — makes it stop and say no (failed()), and the
// codec then decodes the text the slow way, which names the error as it always did.
//
// Errors are sticky: after one, every call returns false, so loops end by themselves.
//   for (bool more = r.begin_object(key); more; more = r.next_key(key)) { ... read the value ... }
//   for (bool more = r.begin_array(); more; more = r.next_item()) { ... read the item ... }
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace zygc {

class JsonReader {
public:
    explicit JsonReader(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

    bool failed() const { return failed_; }

    // '{' and the first key (with its ':'); false for '{}' and on an error. The key is valid
    // until the next key is read.
    bool begin_object(std::string_view& key);
    // ',' and the next key (true), or '}' (false).
    bool next_key(std::string_view& key);
    // '[' (true when an item follows), then after each item: ',' (true) or ']' (false).
    bool begin_array();
    bool next_item();

    // The next value is null: consumes it and says true; otherwise consumes nothing.
    bool null() {
        space();
        return p_ < end_ && *p_ == 'n' && literal("null");
    }
    // The next value as this type; a value of another type is an error.
    bool read(int64_t& out);      // an integer without fraction or exponent, within int64
    bool read(double& out);       // any number
    bool read(bool& out);
    bool read(std::string& out);  // a string, unescaped
    // Any value, checked as strictly as the rest, and dropped.
    bool skip();
    // Nothing but whitespace is left (and no error happened).
    bool finish();

private:
    struct Number {
        const char* begin = nullptr;  // the text
        const char* end = nullptr;
        bool negative = false;
        uint64_t digits = 0;       // all its digits as one integer (unless many_digits)
        bool many_digits = false;  // more than fit in 64 bits
        int exponent = 0;          // the value is ±digits × 10^exponent
        bool integral = true;      // no fraction, no exponent
        bool fits = false;         // integral and within int64: then value
        int64_t value = 0;
    };

    const char* p_;
    const char* end_;
    int depth_ = 0;
    bool failed_ = false;
    std::string key_;      // a key that had escapes, unescaped
    std::string scratch_;  // skipped strings

    bool fail();
    void space() {  // called before every token: inline, and quick when there is none
        while (p_ < end_ && static_cast<unsigned char>(*p_) <= ' ' &&
               (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t'))
            ++p_;
    }
    bool open(char bracket);
    bool key(std::string_view& out);
    bool string_body(std::string& out);  // after the opening quote, through the closing one
    bool escape(std::string& out);       // at the backslash
    bool utf8();                         // one multi-byte sequence at p_
    bool number(Number& out);
    static bool to_double(const Number& n, double& out);
    bool literal(std::string_view word);
};

}  // namespace zygc
