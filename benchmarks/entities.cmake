# Issue 5: entity measurement tools (by hand, not part of ctest). Included
# from the top-level CMakeLists.txt so it merges beside benchmarks/CMakeLists.txt.
# Built by name, like the programs in benchmarks/: cmake --build build --target entity_eval
add_executable(entity_mentions EXCLUDE_FROM_ALL ${CMAKE_CURRENT_LIST_DIR}/entity_mentions.cc)
target_link_libraries(entity_mentions PRIVATE revsearch_entities revsearch_warnings)
add_executable(entity_eval EXCLUDE_FROM_ALL ${CMAKE_CURRENT_LIST_DIR}/entity_eval.cc)
target_link_libraries(entity_eval PRIVATE revsearch_entities revsearch_indexer revsearch_warnings)
