// zygc-server: the reference 志愿港城 API (and, with --static, the app).
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

#include "server/guards.h"
#include "server/server.h"

namespace {

void usage(FILE* f) {
    std::fprintf(f,
                 "usage: zygc-server --db PATH [--seed FILE] [--static DIR] [--host HOST]\n"
                 "                   [--port N] [--dev] [--secret-file PATH] [--quiet]\n"
                 "                   [--sms-gateway-cmd PROG | --login-disabled] [--trust-proxy]\n"
                 "  --db PATH     SQLite database (created and migrated when needed)\n"
                 "  --seed FILE   load demo data into an empty database\n"
                 "  --static DIR  serve the built app at /\n"
                 "  --host HOST   listen address (default 127.0.0.1)\n"
                 "  --port N      port (default 8080; 0 picks a free one)\n"
                 "  --dev         dev mode (dev login codes and accounts)\n"
                 "  --no-demo-hours  dev mode without the demo attendance and hours\n"
                 "  --secret-file PATH  hex key (>= 32 bytes) protecting ID numbers; else env\n"
                 "                ZYGC_SECRET; dev mode creates <db>.secret (mode 0600)\n"
                 "  --quiet       no access log\n"
                 "  --sms-gateway-cmd PROG  delivers login codes: PROG gets \"PHONE CODE\\n\" on\n"
                 "                stdin, exit 0 = sent (required in production, see docs/security.md)\n"
                 "  --login-disabled  production without a gateway: sms-code/login answer 503\n"
                 "  --trust-proxy take the client address from X-Real-IP / X-Forwarded-For when\n"
                 "                the peer is loopback (nginx on the same host)\n"
                 "Refused at start: --dev on a non-loopback --host, a --secret-file or database\n"
                 "readable by group/others (dev mode fixes the database to 0600).\n");
}

}  // namespace

int main(int argc, char** argv) {
    zygc::server::Options o;
    o.access_log = true;
    bool no_demo_hours = false;  // hours
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](const char* name) -> const char* {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "zygc-server: %s needs a value\n", name);
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--db") o.db_path = value("--db");
        else if (a == "--seed") o.seed_path = value("--seed");
        else if (a == "--static") o.static_dir = value("--static");
        else if (a == "--host") o.host = value("--host");
        else if (a == "--port") {
            const char* v = value("--port");
            char* end = nullptr;
            long p = std::strtol(v, &end, 10);
            if (!*v || *end || p < 0 || p > 65535) {
                std::fprintf(stderr, "zygc-server: bad --port %s\n", v);
                return 2;
            }
            o.port = static_cast<int>(p);
        } else if (a == "--dev") o.dev = true;
        else if (a == "--secret-file") o.secret_file = value("--secret-file");
        else if (a == "--quiet") o.access_log = false;
        else if (a == "--sms-gateway-cmd") o.sms_gateway_cmd = value("--sms-gateway-cmd");
        else if (a == "--login-disabled") o.login_disabled = true;
        else if (a == "--trust-proxy") o.trust_proxy = true;
        else if (a == "--no-demo-hours") no_demo_hours = true;  // hours
        else if (a == "--help" || a == "-h") {
            usage(stdout);
            return 0;
        } else {
            std::fprintf(stderr, "zygc-server: unknown argument %s\n", a.c_str());
            usage(stderr);
            return 2;
        }
    }
    if (o.db_path.empty()) {
        usage(stderr);
        return 2;
    }
    if (std::string why = zygc::server::startup_refusal(o); !why.empty()) {
        std::fprintf(stderr, "zygc-server: refusing to start: %s\n", why.c_str());
        return 2;
    }
    if (!o.dev && o.sms_gateway_cmd.empty())
        std::fprintf(stderr,
                     "zygc-server: *** LOGIN IS DISABLED: no SMS gateway (--sms-gateway-cmd); "
                     "sms-code and login answer 503 login_disabled ***\n");

    // Signals go to one waiting thread (so stop() runs in normal context).
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);

    o.demo_hours = o.dev && !no_demo_hours;  // hours: demo attendance in dev mode
    zygc::server::Server server(o);
    std::string err;
    if (!server.init(&err)) {
        std::fprintf(stderr, "zygc-server: %s\n", err.c_str());
        return 1;
    }
    int port = server.bind();
    if (port < 0) {
        std::fprintf(stderr, "zygc-server: cannot listen on %s:%d\n", o.host.c_str(), o.port);
        return 1;
    }
    if (o.dev) std::fprintf(stderr, "zygc-server: dev mode\n");
    std::printf("zygc-server listening on http://%s:%d\n", o.host.c_str(), port);
    std::fflush(stdout);

    std::thread waiter([&server, set] {
        int sig = 0;
        sigwait(&set, &sig);
        server.stop();
    });
    bool ok = server.run();
    // Release the waiter if the loop ended on its own.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    std::fprintf(stderr, "zygc-server: stopped\n");
    return ok ? 0 : 1;
}
