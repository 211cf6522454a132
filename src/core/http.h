// The HTTP seam: plain request/response values and the Transport interface.
// The web platform implements Transport with fetch; tests use a fake.
#pragma once
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace zygc {

struct HttpRequest {
    std::string method = "GET";
    std::string path;  // relative to the API base, e.g. "/projects?q=%E5%B0%8F"
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

struct HttpResponse {
    int status = 0;  // 0: the request never got an answer (network down, aborted)
    std::string content_type;
    std::string etag;
    std::string link;  // the Link header as sent (RFC 8288): a list's next page (api::next_page_query)
    std::string body;
    std::string network_error;  // set when status == 0
    // first-visit: the service worker answered from its cache (no network); X-Zygc-Offline
    bool from_cache = false;
};

class Transport {
public:
    virtual ~Transport() = default;
    // Sends the request; calls done exactly once, later, on the thread that runs the app.
    virtual void send(const HttpRequest& request, std::function<void(HttpResponse)> done) = 0;
};

}  // namespace zygc
