# kdx_add_plugin(<name> SOURCES <files>... [LIBRARIES <targets>...])
#
# Builds the kdx plugin <name> as a MODULE named kdx_<name>.so with hidden
# visibility, all symbols resolved at link time, linked to kdx::core, and
# installs it into the kdx plugin folder. Used by kdx's own plugins and by
# third-party plugins alike.
function(kdx_add_plugin name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "SOURCES;LIBRARIES")
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "kdx_add_plugin(${name}): SOURCES is required")
  endif()
  set(target kdx_${name})
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE kdx::core ${ARG_LIBRARIES})
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
  endif()
endfunction()
