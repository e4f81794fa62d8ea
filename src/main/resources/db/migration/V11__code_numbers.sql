-- Rows written in a layout with code lists hold each answer of a coded question as its number in
-- the list kept here, not as its text: the codes were most of the rows' text that was left
-- (docs/performance.md). The lists are a JSON array beside field_ids: for each field, null (not
-- coded) or the codes in the order their numbers refer to. A code the list lacks is still written
-- as text. Layouts stored before this version have no lists (NULL): their rows hold every code as
-- text, and are read as they are.
ALTER TABLE row_layout ADD COLUMN code_lists TEXT;
