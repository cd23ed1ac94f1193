# kdx_add_plugin(<name> SOURCES <files>... [LIBRARIES <targets>...] [NO_MANIFEST])
#
# Builds the kdx plugin <name> as a MODULE named kdx_<name>.so with hidden
# visibility, all symbols resolved at link time, linked to kdx::core, writes
# its manifest kdx_<name>.kdx-manifest.json beside it (kdx_plugin_manifest
# below), and installs both into the kdx plugin folder. Used by kdx's own
# plugins and by third-party plugins alike. NO_MANIFEST leaves the manifest
# out (kdx then loads the plugin at start to read its declaration).
function(kdx_add_plugin name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "NO_MANIFEST" "" "SOURCES;LIBRARIES")
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "kdx_add_plugin(${name}): SOURCES is required")
  endif()
  # kdx/plugin.hpp uses Boost.DLL's headers; nothing needs linking.
  if(NOT TARGET Boost::headers)
    find_package(Boost 1.74 REQUIRED)
  endif()
  set(target kdx_${name})
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE kdx::core Boost::headers ${ARG_LIBRARIES})
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME kdx_${name}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  # clang links the sanitizer and fuzzer runtimes into the executable only, so
  # a sanitized plugin leaves their symbols to the process that loads it.
  if(NOT (KDX_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "Clang"))
    target_link_options(${target} PRIVATE -Wl,--no-undefined)
  endif()
  if(DEFINED KDX_BUILD_PLUGIN_DIR)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${KDX_BUILD_PLUGIN_DIR})
  endif()
  if(NOT ARG_NO_MANIFEST)
    kdx_plugin_manifest(${target})
  endif()
  if(DEFINED KDX_PLUGIN_INSTALL_DIR)
    # The installed plugin finds libkdx through its own RUNPATH: the library
    # folder seen from the plugin folder (lib/kdx/plugins -> $ORIGIN/../..)
    # and, for a plugin built against an installed kdx, that kdx's folder.
    if(DEFINED CMAKE_INSTALL_LIBDIR)
      set(libdir ${CMAKE_INSTALL_LIBDIR})
    else()
      set(libdir lib)
    endif()
    file(RELATIVE_PATH to_lib "/${KDX_PLUGIN_INSTALL_DIR}" "/${libdir}")
    set(runpath "$ORIGIN/${to_lib}")
    get_target_property(core_imported kdx::core IMPORTED)
    if(core_imported)
      get_target_property(core_file kdx::core LOCATION)
      get_filename_component(core_dir "${core_file}" DIRECTORY)
      list(APPEND runpath "${core_dir}")
    endif()
    set_target_properties(${target} PROPERTIES INSTALL_RPATH "${runpath}")
    install(TARGETS ${target} LIBRARY DESTINATION ${KDX_PLUGIN_INSTALL_DIR} COMPONENT runtime)
    if(NOT ARG_NO_MANIFEST)
      # Installing rewrites the RUNPATH and packaging strips the library; the
      # build ID the manifest names survives both.
      install(FILES $<TARGET_FILE_DIR:${target}>/$<TARGET_FILE_BASE_NAME:${target}>.kdx-manifest.json
        DESTINATION ${KDX_PLUGIN_INSTALL_DIR} COMPONENT runtime)
    endif()
  endif()
endfunction()

# kdx_plugin_manifest(<target>)
#
# Links the plugin library <target> with a GNU build ID and, after each link,
# runs kdx-plugin-manifest on it, which loads it once and writes its
# declaration beside it as <output name>.kdx-manifest.json. kdx reads that
# instead of loading the plugin, and refuses a manifest whose build ID is not
# the library's. A plugin kdx cannot load fails the build here.
function(kdx_plugin_manifest target)
  target_link_options(${target} PRIVATE -Wl,--build-id=sha1)
  get_target_property(tool kdx::plugin_manifest ALIASED_TARGET)
  if(tool)
    # kdx's own tree: build the tool first, and relink (so rewrite the
    # manifest) when the tool changes, as the manifest is the tool's output.
    add_dependencies(${target} ${tool})
    set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS $<TARGET_FILE:${tool}>)
  endif()
  # Under a sanitizer the tool is instrumented as the plugins are; LeakSanitizer
  # would only report what the plugin keeps until exit.
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0
            $<TARGET_FILE:kdx::plugin_manifest> $<TARGET_FILE:${target}>
    COMMENT "Writing the manifest of $<TARGET_FILE_NAME:${target}>"
    VERBATIM)
endfunction()
