#include "server/answer_cache.h"

namespace zygc::server {

static std::string key_of(const std::string& tag, bool gzip) { return gzip ? tag + "+gzip" : tag; }

bool AnswerCache::serve(const std::string& tag, bool gzip, httplib::Response& res) {
    if (tag.empty()) return false;
    std::shared_ptr<const Answer> a;
    {
        std::lock_guard<std::mutex> lock(mu_);
        auto it = answers_.find(key_of(tag, gzip));
        if (it == answers_.end()) return false;
        a = it->second;
    }
    res.status = 200;
    for (const auto& [k, v] : a->headers) res.set_header(k, v);
    res.body = a->body;
    return true;
}

void AnswerCache::keep(const std::string& tag, bool gzip, const httplib::Response& res) {
    if (tag.empty() || res.status != 200) return;
    auto a = std::make_shared<Answer>();
    a->headers.assign(res.headers.begin(), res.headers.end());
    a->body = res.body;
    std::lock_guard<std::mutex> lock(mu_);
    if (answers_.size() >= max_entries_ || bytes_ + a->body.size() > max_bytes_) {
        answers_.clear();
        bytes_ = 0;
    }
    bytes_ += a->body.size();
    answers_[key_of(tag, gzip)] = std::move(a);
}

size_t AnswerCache::entries() {
    std::lock_guard<std::mutex> lock(mu_);
    return answers_.size();
}

}  // namespace zygc::server
