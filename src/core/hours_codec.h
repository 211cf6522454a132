// JSON codecs for hour tracking (hours_model.h), in the same exception-free style as codec.h:
// decode() never throws; a malformed or wrongly typed payload becomes a DecodeError with the
// field path ("items[2].history[0].actor.id").
#pragma once
#include "codec.h"
#include "hours_model.h"

namespace zygc {

// decode<T> / decode_json<T> (declared in codec.h) are also provided for:
// HourRecord, std::vector<HourRecord>, MyHours, AttendancePage, CheckinCode, CheckInRequest,
// CheckOutRequest, CertifyRequest, CertifyAllResult, Certificate, CertificateCheck,
// CertificateVerdict.

nlohmann::json encode(const PersonRef&);
nlohmann::json encode(const ProjectRef&);
nlohmann::json encode(const TeamRef&);
nlohmann::json encode(const ShiftRef&);
nlohmann::json encode(const HistoryEvent&);
nlohmann::json encode(const Dispute&);
nlohmann::json encode(const HourRecord&);
nlohmann::json encode(const HoursTotals&);
nlohmann::json encode(const MonthHours&);
nlohmann::json encode(const MyHours&);
nlohmann::json encode(const RosterEntry&);
nlohmann::json encode(const AttendancePage&);
nlohmann::json encode(const CheckinCode&);
nlohmann::json encode(const CheckInRequest&);   // optional fields omitted when unset
nlohmann::json encode(const CheckOutRequest&);  // optional fields omitted when unset
nlohmann::json encode(const CertifyRequest&);   // optional fields omitted when unset
nlohmann::json encode(const CertifyAllResult&);
nlohmann::json encode(const CertificateProject&);
nlohmann::json encode(const CertificateOrganisation&);
nlohmann::json encode(const Certificate&);
nlohmann::json encode(const CertificateCheck&);
nlohmann::json encode(const CertificateVerdict&);

// The certificate's canonical content, which its MAC covers: every field but "mac",
// dumped compactly with sorted keys (serial included, so a MAC binds its serial).
std::string certificate_canonical(const Certificate&);

}  // namespace zygc
