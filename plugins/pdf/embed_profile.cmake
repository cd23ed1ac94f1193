# cmake -DINPUT=profile.icc -DOUTPUT=file.cpp -P embed_profile.cmake
# Writes the profile's bytes as the array kdx::pdf::srgb_profile().
file(READ ${INPUT} hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x..,){16})" "\\1\n    " bytes "${bytes}")
file(WRITE ${OUTPUT} "// Generated from ${INPUT}; do not edit.\n"
  "#include \"srgb_profile.hpp\"\n\n"
  "namespace kdx::pdf {\n\n"
  "namespace {\n"
  "const unsigned char bytes[${size}] = {\n    ${bytes}\n};\n"
  "}  // namespace\n\n"
  "std::string_view srgb_profile() {\n"
  "    return {reinterpret_cast<const char*>(bytes), sizeof bytes};\n"
  "}\n\n"
  "}  // namespace kdx::pdf\n")
