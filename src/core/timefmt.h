// Moved to calendar.h (one calendar for app and server). Kept so server branches written
// against the old name still build; the lead removes it once they have merged.
#pragma once
#include "core/calendar.h"
