// An expert who asked for their data to be erased (删除我的信息) keeps a row, for the figures, under this
// name and inactive. Roster imports recognise it and never bring the data back.

/** The name an erased person or expert is stored under (handlers/erase-personal-data.ts writes it). */
export const erasedExpertName = "（已注销）";

/** True for the row of an expert whose data was erased. */
export function isErasedExpert(expert: { name: string; active: boolean }): boolean {
  return expert.name === erasedExpertName && !expert.active;
}
