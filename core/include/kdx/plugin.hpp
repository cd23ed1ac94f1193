// What a plugin library exports. A plugin defines one registration function
// and names it with KDX_PLUGIN:
//
//     static void register_formats(kdx::Registrar& r) {
//         r.set_info({"xml", "1.0.0", "kdx XML exchange format"});
//         r.add_format(std::make_unique<XmlFormat>());
//     }
//     KDX_PLUGIN(register_formats)
#pragma once

// The one SDK header that needs Boost (Boost.DLL's alias, which the host
// looks the registration function up by). Boost.DLL is told to use
// std::filesystem here, so that nothing needs Boost.Filesystem and no
// build flag has to say so.
#ifndef BOOST_DLL_USE_STD_FS
#define BOOST_DLL_USE_STD_FS
#endif
#include <boost/config.hpp>
#include <boost/dll/alias.hpp>
#include <cstdint>
#include <memory>
#include <string>

#include "kdx/format.hpp"
#include "kdx/version.hpp"

namespace kdx {

struct PluginInfo {
    std::string name;     // short name, e.g. "xml"
    std::string version;  // the plugin's own version
    std::string description;
};

// Handed to a plugin's registration function by the host.
class Registrar {
  public:
    virtual ~Registrar();
    virtual void set_info(PluginInfo info) = 0;
    virtual void add_format(std::unique_ptr<Format> format) = 0;
};

using RegisterFunction = void(Registrar&);

}  // namespace kdx

// Exports the ABI version the plugin was built against and its registration
// function. Use once per plugin library, at namespace scope.
#define KDX_PLUGIN(register_function)                                           \
    extern "C" BOOST_SYMBOL_EXPORT const std::uint32_t kdx_plugin_abi_version = \
        ::kdx::abi_version;                                                     \
    BOOST_DLL_ALIAS(register_function, kdx_plugin_register)
