/** The organisation rows tests seed: the department of the reference report. */
export const TEST_ORGANISATION = {
  name: "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
  shortName: "Sở Khoa học và Công nghệ",
  parentName: "UBND TỈNH HƯNG YÊN",
  symbol: "SKHCN",
  place: "Hưng Yên",
  signerTitle: "PHÓ GIÁM ĐỐC",
  signerName: "Nguyễn Văn A",
  timezone: "Asia/Ho_Chi_Minh",
};
