# Compiles the municipality registry's CSV files into libkdx, so that the
# registry works without data files installed.
#
# Included: kdx_embed_registry(<target> <data dir> <file>...) adds a generated
# registry_data.cpp to <target>, rebuilt whenever a listed file changes.
# Run as a script (cmake -P) it writes that file: -DOUTPUT=... -DDATA_DIR=...
# -DFILES=a.csv,b.csv. Bytes become array initialisers rather than string
# literals because ISO C++ only promises 65536-character literals.

if(CMAKE_SCRIPT_MODE_FILE)
  string(REPLACE "," ";" files "${FILES}")
  set(arrays "")
  set(entries "")
  set(index 0)
  foreach(name IN LISTS files)
    file(READ "${DATA_DIR}/${name}" hex HEX)
    string(LENGTH "${hex}" hex_length)
    math(EXPR size "${hex_length} / 2")
    # 24 bytes a line keeps the file readable in an editor.
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
    string(REGEX REPLACE "((0x..,){24})" "\\1\n" bytes "${bytes}")
    string(APPEND arrays "const unsigned char file_${index}[] = {\n${bytes}0x00};\n\n")
    string(APPEND entries "    {\"${name}\", file_${index}, ${size}},\n")
    math(EXPR index "${index} + 1")
  endforeach()
  set(content "// Generated from data/registry by cmake/KdxEmbedRegistry.cmake.\n")
  string(APPEND content "#include \"registry/embedded_data.hpp\"\n\n")
  string(APPEND content "namespace kdx::registry_detail {\n\nnamespace {\n\n${arrays}")
  string(APPEND content "struct Entry {\n    const char* name;\n")
  string(APPEND content "    const unsigned char* bytes;\n    std::size_t size;\n};\n\n")
  string(APPEND content "const Entry entries[] = {\n${entries}};\n\n}  // namespace\n\n")
  string(APPEND content "std::string_view embedded_file(std::string_view name) {\n")
  string(APPEND content "    for (const Entry& e : entries)\n")
  string(APPEND content "        if (name == e.name)\n")
  string(APPEND content "            return {reinterpret_cast<const char*>(e.bytes), e.size};\n")
  string(APPEND content "    return {};\n}\n\n}  // namespace kdx::registry_detail\n")
  # Only touch the output when it changed, so that a rerun does not relink libkdx.
  file(WRITE "${OUTPUT}.tmp" "${content}")
  file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
  file(REMOVE "${OUTPUT}.tmp")
  return()
endif()

set(KDX_EMBED_REGISTRY_SCRIPT ${CMAKE_CURRENT_LIST_FILE})

function(kdx_embed_registry target data_dir)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/registry_data.cpp)
  set(depends "")
  foreach(name IN LISTS ARGN)
    list(APPEND depends ${data_dir}/${name})
  endforeach()
  string(REPLACE ";" "," files "${ARGN}")
  add_custom_command(OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DDATA_DIR=${data_dir} -DFILES=${files}
            -P ${KDX_EMBED_REGISTRY_SCRIPT}
    DEPENDS ${depends} ${KDX_EMBED_REGISTRY_SCRIPT}
    COMMENT "Embedding the municipality registry"
    VERBATIM)
  target_sources(${target} PRIVATE ${output})
endfunction()
