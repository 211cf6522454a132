// A Transport that holds requests until the test answers them.
#pragma once
#include <deque>
#include <string>

#include "core/http.h"
#include "core/request.h"

struct FakeTransport : zygc::Transport {
    struct Pending {
        zygc::HttpRequest request;
        std::function<void(zygc::HttpResponse)> done;
    };
    std::deque<Pending> pending;

    void send(const zygc::HttpRequest& request, std::function<void(zygc::HttpResponse)> done) override {
        pending.push_back({request, std::move(done)});
    }

    // Answers the oldest request whose path starts with prefix; false when none.
    bool reply(const std::string& prefix, int status, std::string body,
               std::string content_type = "application/json", std::string etag = "", std::string link = "") {
        for (auto it = pending.begin(); it != pending.end(); ++it) {
            if (it->request.path.rfind(prefix, 0) != 0) continue;
            Pending p = std::move(*it);
            pending.erase(it);
            zygc::HttpResponse r;
            r.status = status;
            r.content_type = std::move(content_type);
            r.body = std::move(body);
            r.etag = std::move(etag);
            r.link = std::move(link);
            p.done(std::move(r));
            return true;
        }
        return false;
    }

    bool fail_network(const std::string& prefix) {
        for (auto it = pending.begin(); it != pending.end(); ++it) {
            if (it->request.path.rfind(prefix, 0) != 0) continue;
            Pending p = std::move(*it);
            pending.erase(it);
            zygc::HttpResponse r;
            r.network_error = "Failed to fetch";
            p.done(std::move(r));
            return true;
        }
        return false;
    }

    bool has(const std::string& path) const {
        for (const auto& p : pending)
            if (p.request.path == path) return true;
        return false;
    }
};

// The effects of one kind, in order (what the store asked of the platform).
template <class E>
std::vector<E> effects_of(const zygc::Effects& fx) {
    std::vector<E> out;
    for (const zygc::Effect& e : fx)
        if (const E* x = std::get_if<E>(&e)) out.push_back(*x);
    return out;
}
