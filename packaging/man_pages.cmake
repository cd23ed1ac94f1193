# Writes the man pages of kdx, of each of its commands, of kdx-plugin-check
# and of kdx-plugin-manifest with help2man, from their own --help, so that the pages
# never disagree with the programs. Run as a script:
#   cmake -DKDX=... -DPLUGIN_CHECK=... -DPLUGIN_MANIFEST=... -DHELP2MAN=... -DVERSION=... -DOUT=... -P man_pages.cmake
# Pages are gzip'ed without a time stamp (gzip -n), as Debian installs them.

file(MAKE_DIRECTORY "${OUT}")
execute_process(COMMAND "${KDX}" --help OUTPUT_VARIABLE help RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "man pages: ${KDX} --help failed")
endif()

# The commands, from the "Subcommands:" section of kdx --help.
string(REGEX REPLACE ".*\nSubcommands:\n" "" commands_text "${help}")
string(REGEX REPLACE "\n\n.*" "" commands_text "${commands_text}")
string(REPLACE "\n" ";" command_lines "${commands_text}")

# kdx's pages also get the sections of man-sections.h2m (exit status,
# environment, files, see also).
function(page program name description output)
  set(include)
  if(name MATCHES "^kdx(-[a-z]+)?$" AND NOT name MATCHES "^kdx-plugin-")
    set(include "--include=${CMAKE_CURRENT_LIST_DIR}/man-sections.h2m")
  endif()
  execute_process(
    COMMAND "${HELP2MAN}" --no-info --no-discard-stderr "--version-string=${VERSION}"
            "--name=${description}" ${include} "--output=${output}" "${program}"
    RESULT_VARIABLE status ERROR_VARIABLE error)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "man pages: help2man ${program}: ${error}")
  endif()
  # help2man titles a page after the program's first word; a command's page
  # is kdx-report(1), as `man kdx-report` finds it.
  file(READ "${output}" text)
  string(TOUPPER "${name}" title)
  string(REGEX REPLACE "\n\\.TH [^ ]+ " "\n.TH ${title} " text "${text}")
  # The examples are command lines: one a line, not filled into a paragraph.
  string(REGEX REPLACE "\n\\.SH EXAMPLES\n\\.IP\n([^.][^\n]*(\n[^.][^\n]*)*)"
                       "\n.SH EXAMPLES\n.nf\n\\1\n.fi" text "${text}")
  # The default of -j is the building machine's: an installed page names none.
  string(REGEX REPLACE "the hardware threads, [0-9]+ here" "the hardware threads" text "${text}")
  file(WRITE "${output}" "${text}")
  execute_process(COMMAND gzip -9nf "${output}" RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "man pages: gzip ${output} failed")
  endif()
endfunction()

page("${KDX}" kdx "municipal refugee settlement and integration data: convert, validate, report"
     "${OUT}/kdx.1")
foreach(line IN LISTS command_lines)
  string(STRIP "${line}" line)
  if(line MATCHES "^([a-z-]+) +(.+)$")
    set(command "${CMAKE_MATCH_1}")
    string(TOLOWER "${CMAKE_MATCH_2}" description)
    page("${KDX} ${command}" "kdx-${command}" "${description}" "${OUT}/kdx-${command}.1")
  endif()
endforeach()
page("${PLUGIN_CHECK}" kdx-plugin-check "check a kdx plugin the way kdx uses it"
     "${OUT}/kdx-plugin-check.1")
page("${PLUGIN_MANIFEST}" kdx-plugin-manifest "write the manifest kdx reads a plugin's formats from"
     "${OUT}/kdx-plugin-manifest.1")
