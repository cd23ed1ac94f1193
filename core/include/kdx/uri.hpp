// Datasets named by a URI rather than a file (GDAL-style): "postgresql://…"
// is a connection string, opened by the format of that name, with no file to
// check, hash or replace. Passwords in such names are masked wherever kdx
// shows them.
#pragma once

#include <string>
#include <string_view>

namespace kdx {

// The scheme of a name of the form "scheme://…" (lower case: "postgresql"),
// or "" for a file name. A Windows drive ("C:\…") or a plain path is no URI.
std::string uri_scheme(std::string_view name);

inline bool is_uri(std::string_view name) { return !uri_scheme(name).empty(); }

// `text` with every password it holds replaced by "***": the one of a URI's
// user part ("postgresql://kdx:secret@host/db"), of a "password=" query
// parameter, and of a libpq keyword string ("host=x password=secret").
// Used on every message that may carry a connection string.
std::string mask_passwords(std::string text);

}  // namespace kdx
