import { NativeSelectOption } from "@/components/ui/native-select";

/** The <option>s of a time zone picker, with readable names ("America/New York"). */
export function TimeZoneOptions({ zones }: { zones: string[] }) {
  return zones.map((tz) => (
    <NativeSelectOption key={tz} value={tz}>
      {tz.replaceAll("_", " ")}
    </NativeSelectOption>
  ));
}
