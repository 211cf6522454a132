// Remote<T>: a value that comes from the server, with where its request stands. The status
// changes only through the transitions below (the store's update is the only caller), so a
// Remote cannot be Failed without an error, carry an error unless Failed, or answer a
// request it never sent.
#pragma once
#include <cstdint>
#include <string>
#include <utility>

#include "core/api.h"

namespace zygc {

// The part of a Remote that does not depend on T: what the store's target table needs to
// decide whether to load (status, which one is loaded) and to start a request.
class RemoteStatus {
public:
    enum Status { Idle, Loading, Loaded, Failed };

    Status status() const { return status_; }
    bool idle() const { return status_ == Idle; }
    bool loading() const { return status_ == Loading; }
    bool loaded() const { return status_ == Loaded; }
    bool failed() const { return status_ == Failed; }
    // The failure; an empty ApiError unless failed().
    const ApiError& error() const { return error_; }
    uint64_t request() const { return request_; }      // in flight, or last answered
    const std::string& etag() const { return etag_; }  // of the last loaded answer (for If-Match)
    const std::string& key() const { return key_; }    // which one ("42", "cuncaoxin"); "" for singletons
    // True when `request` is the one in flight (older answers are dropped).
    bool answers(uint64_t request) const { return status_ == Loading && request_ == request; }

    // → Failed.
    void fail(ApiError e) {
        status_ = Failed;
        error_ = std::move(e);
    }
    // → Idle, keeping what was loaded: shown again, reloaded when next wanted.
    void invalidate() {
        status_ = Idle;
        error_ = {};
    }

protected:
    void start_(uint64_t request, std::string key) {
        status_ = Loading;
        request_ = request;
        key_ = std::move(key);
    }
    void loaded_(std::string etag) {
        status_ = Loaded;
        etag_ = std::move(etag);
        error_ = {};
    }

private:
    Status status_ = Idle;
    ApiError error_;
    uint64_t request_ = 0;
    std::string etag_;
    std::string key_;
};

template <class T>
class Remote : public RemoteStatus {
public:
    // The last answer's data. Kept while reloading and after a failed reload, so a screen
    // can keep showing it under a busy line; T{} until something arrived.
    const T& data() const { return data_; }

    // → Loading under a fresh request id. Data of a different `key` (another project's
    // detail) is dropped at once; the same key's data stays until the answer arrives.
    void start(uint64_t request, std::string key = {}) {
        if (key != this->key()) data_ = T{};
        start_(request, std::move(key));
    }
    // → Loaded with the answer.
    void succeed(T data, std::string etag = {}) {
        data_ = std::move(data);
        loaded_(std::move(etag));
    }
    // Loaded with a value known without asking (logged out: an empty Me).
    void set(T data) { succeed(std::move(data)); }
    // → Idle, nothing kept.
    void reset() { *this = Remote{}; }
    // The loaded data, to change in place (a further page appended to a list).
    T& edit() { return data_; }

private:
    T data_{};
};

}  // namespace zygc
