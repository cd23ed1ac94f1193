// Everything a plugin author needs, in one include.
#pragma once

#include "kdx/atomic_file.hpp"
#include "kdx/chart_text.hpp"
#include "kdx/diagnostics.hpp"
#include "kdx/document.hpp"
#include "kdx/error.hpp"
#include "kdx/file_hash.hpp"
#include "kdx/format.hpp"
#include "kdx/model.hpp"
#include "kdx/number_format.hpp"
#include "kdx/plugin.hpp"
#include "kdx/registry.hpp"
#include "kdx/table.hpp"
#include "kdx/table_import.hpp"
#include "kdx/validate.hpp"
#include "kdx/value.hpp"
#include "kdx/version.hpp"
