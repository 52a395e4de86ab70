// libFuzzer target for the stored passage record: any bytes (a damaged
// database) decode to a record or to nothing, never a crash, and a record
// that decodes encodes and decodes to the same record; any text (valid
// UTF-8 or not: BOCU-1 or stored as is) comes back byte for byte.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "revsearch/passage_record.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using revsearch::PassageRecord;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);

  if (std::optional<PassageRecord> record = PassageRecord::decode(bytes)) {
    std::string again = record->encode();
    std::optional<PassageRecord> back = PassageRecord::decode(again);
    if (!back || back->encode() != again || back->text != record->text) __builtin_trap();
  }

  PassageRecord r;
  r.passage = 1;
  r.text = std::string(bytes);
  r.rating = static_cast<double>(size % 101) / 10;
  std::optional<PassageRecord> back = PassageRecord::decode(r.encode());
  if (!back || back->text != r.text || back->rating != r.rating) __builtin_trap();
  return 0;
}
