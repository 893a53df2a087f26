/**
 * Traditional -> simplified for the characters a labour question is made of: each entry is a
 * traditional character followed by its simplified form. Not a full converter (a few hundred
 * bytes instead of OpenCC's dictionaries): a miss only weakens the match on that one character.
 */
export const TRADITIONAL_TO_SIMPLIFIED: readonly string[] = (
  '勞劳 動动 資资 險险 傷伤 僱雇 約约 賠赔 償偿 錢钱 費费 補补 請请 產产 懷怀 離离 職职 辭辞 開开 養养 醫医 療疗 業业 ' +
  '訴诉 訟讼 從从 為为 麼么 點点 個个 沒没 來来 給给 發发 問问 題题 廠厂 闆板 說说 話话 還还 這这 裡里 裏里 嗎吗 ' +
  '幾几 長长 書书 證证 處处 辦办 務务 實实 際际 與与 應应 當当 後后 過过 們们 對对 經经 濟济 價价 權权 護护 維维 ' +
  '認认 鑒鉴 鑑鉴 級级 殘残 車车 間间 時时 週周 歲岁 節节 慶庆 國国 團团 會会 員员 單单 據据 領领 邊边 區区 鎮镇 ' +
  '縣县 鄉乡 華华 東东 計计 數数 額额 獎奖 罰罚 強强 規规 則则 條条 決决 雙双 試试 轉转 換换 續续 簽签 訂订 違违 ' +
  '紀纪 錄录 勵励 災灾 難难 幫帮 徵征 繳缴 納纳 滯滞 貸贷 帳账 賬账 銀银 結结 餘余 師师 齡龄 婦妇 嬰婴 兒儿 謝谢 ' +
  '壓压 傭佣 協协 議议 門门 報报 憑凭 壞坏 罵骂 錯错 準准 頭头 塊块 歡欢 裝装 電电 腦脑 機机 錶表 態态 聽听 覺觉 氣气 預预 幹干 廣广'
).split(' ');
