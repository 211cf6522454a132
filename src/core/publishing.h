// Publishing: the project form (new and edit, with If-Match) and closing a project.
#pragma once
#include <string>
#include <vector>

#include "core/device.h"
#include "core/message.h"
#include "core/model.h"
#include "core/remote.h"
#include "core/request.h"

namespace zygc {

struct State;

struct ProjectForm {
    Id editing = 0;                  // 0: a new project
    std::string etag;                // of the project as loaded, for If-Match
    ProjectDraft draft;
    std::vector<FieldError> errors;  // by field: title, description, site.lat, shifts[0].end, ...
    Remote<Project> submit;
    bool stale = false;              // the server said 412: someone else changed it
    // forms (issue 10): 发布 refused (by the checks or the server) this many times; the view
    // brings the first field in error into view when it changes.
    int refusals = 0;
    // 使用当前位置: waiting for the device, and why the last fix did not fill the site.
    bool locating = false;
    Message locate_message;          // site_locate_permission_denied, site_locate_outside_city, …
};

struct PublishingSlice {
    ProjectForm publish;
    Remote<Project> close;  // closing a project (PATCH status=closed)
};

struct EditDraft { ProjectDraft draft; };
struct SubmitDraft {};
struct CloseProject { Id project_id = 0; };  // sign-ups end; uses the loaded detail's ETag
// forms (issue 10): the site at the phone's location (the Locate effect the check-in uses);
// the answer (Located) fills site.lat/lng and, when empty, the district it falls in.
struct LocateSite {};

namespace publishing {
void update(State& s, const EditDraft& a, Effects& out);
void update(State& s, const SubmitDraft& a, Effects& out);
void update(State& s, const CloseProject& a, Effects& out);
void update(State& s, const LocateSite& a, Effects& out);
// The device's answers, when the form asked for them (attendance reads them too).
void located(State& s, const Located& a);
void locate_failed(State& s, const LocateFailed& a);
void receive_publish(State& s, const Received& a, Effects& out);
void receive_close(State& s, const Received& a, Effects& out);

// Entering the form (the screen table's `enter`): a fresh draft, or the project's.
void enter_new(State& s, Effects& out);
void enter_edit(State& s, Effects& out);
void fill_draft_from_project(State& s);
}  // namespace publishing

}  // namespace zygc
